/** The risk commands the pane uses, gathered into one lazily loaded chunk. */
export { scanRisk } from '../../../analytics/risk/scan-risk';
export { reviewException } from '../../../analytics/risk/review-exception';
