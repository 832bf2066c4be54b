// Every installed workflow definition, old versions included so running instances keep theirs.
import type { AnyWorkflow } from '../engine/workflow';
import { approvalRequested } from './approval-requested';
import { cycleCountVariance } from './cycle-count-variance';
import { fgReleased } from './fg-released';
import { inspectionFailed, inspectionFailedV1, inspectionFailedV2 } from './inspection-failed';
import { lineStopped, lineStoppedV1 } from './line-stop/line-stopped';
import { lotBlocked, lotBlockedV1 } from './lot-blocked';
import { productionCompleted } from './production-completed';
import { supplierDelay } from './supplier-delay';
import { transferAccepted } from './transfer-accepted';

export const workflowDefinitions: readonly AnyWorkflow[] = [inspectionFailed, inspectionFailedV1, inspectionFailedV2, supplierDelay, approvalRequested, productionCompleted, fgReleased, lotBlocked, lotBlockedV1, lineStopped, lineStoppedV1, transferAccepted, cycleCountVariance];
