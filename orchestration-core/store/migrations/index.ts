// Every migration, in order. Listed explicitly (no folder scan) so packaging into asar keeps working.
import type Database from 'better-sqlite3';
import { up as initial } from './0001-initial';
import { up as outboxEntityIndex } from './0002-outbox-entity-index';
import { up as planning } from './0003-planning';
import { up as exceptions } from './0004-exceptions';
import { up as connectorEpochs } from './0005-connector-epochs';
import { up as approvals } from './0006-approvals';
import { up as usageDecisions } from './0007-usage-decisions';
import { up as rebalancing } from './0008-rebalancing';
import { up as rerouteAnswers } from './0009-reroute-answers';
import { up as upstreamUsageDecisions } from './0010-upstream-usage-decisions';
import { up as containmentHolds } from './0011-containment-holds';
import { up as unitsAndCurrency } from './0012-units-and-currency';
import { up as exceptionAnswers } from './0013-exception-answers';
import { up as sharedAnswers } from './0014-shared-answers';
import { up as answerLabels } from './0015-answer-labels';
import { up as workflowWaits } from './0016-workflow-waits';
import { up as workstation } from './0017-workstation';
import { up as outboxSubject } from './0018-outbox-subject';
import { up as exceptionWeighedAt } from './0019-exception-weighed-at';
import { up as scenarios } from './0020-scenarios';
import { up as deadLetterResolutions } from './0021-dead-letter-resolutions';
import { up as monitorIndexes } from './0022-monitor-indexes';
import { up as plantUnitMappings } from './0023-plant-unit-mappings';
import { up as escalations } from './0024-escalations';
import { up as cycleCounts } from './0025-cycle-counts';

export interface Migration {
  version: number;
  name: string;
  up(db: Database.Database): void;
}

export const migrations: readonly Migration[] = [
  { version: 1, name: '0001-initial', up: initial },
  { version: 2, name: '0002-outbox-entity-index', up: outboxEntityIndex },
  { version: 3, name: '0003-planning', up: planning },
  { version: 4, name: '0004-exceptions', up: exceptions },
  { version: 5, name: '0005-connector-epochs', up: connectorEpochs },
  { version: 6, name: '0006-approvals', up: approvals },
  { version: 7, name: '0007-usage-decisions', up: usageDecisions },
  { version: 8, name: '0008-rebalancing', up: rebalancing },
  { version: 9, name: '0009-reroute-answers', up: rerouteAnswers },
  { version: 10, name: '0010-upstream-usage-decisions', up: upstreamUsageDecisions },
  { version: 11, name: '0011-containment-holds', up: containmentHolds },
  { version: 12, name: '0012-units-and-currency', up: unitsAndCurrency },
  { version: 13, name: '0013-exception-answers', up: exceptionAnswers },
  { version: 14, name: '0014-shared-answers', up: sharedAnswers },
  { version: 15, name: '0015-answer-labels', up: answerLabels },
  { version: 16, name: '0016-workflow-waits', up: workflowWaits },
  { version: 17, name: '0017-workstation', up: workstation },
  { version: 18, name: '0018-outbox-subject', up: outboxSubject },
  { version: 19, name: '0019-exception-weighed-at', up: exceptionWeighedAt },
  { version: 20, name: '0020-scenarios', up: scenarios },
  { version: 21, name: '0021-dead-letter-resolutions', up: deadLetterResolutions },
  { version: 22, name: '0022-monitor-indexes', up: monitorIndexes },
  { version: 23, name: '0023-plant-unit-mappings', up: plantUnitMappings },
  { version: 24, name: '0024-escalations', up: escalations },
  { version: 25, name: '0025-cycle-counts', up: cycleCounts },
];
