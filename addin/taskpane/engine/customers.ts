/** The customer commands the pane uses, gathered into one lazily loaded chunk. */
export { customer360, type Customer360 } from '../../../analytics/customers/customer-360';
export { addCustomer } from '../../../analytics/customers/add-customer';
export { editCustomer } from '../../../analytics/customers/edit-customer';
