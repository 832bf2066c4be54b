// All repositories over one database, prepared once.
import type Database from 'better-sqlite3';
import { createInstancesRepo } from './instances-repo';
import { createAlertsRepo } from './alerts-repo';
import { createApprovalsRepo } from './approvals-repo';
import { createAuditLog } from './audit-log';
import { createDeadLetters } from './dead-letters';
import { createCycleCountsRepo } from './cycle-counts-repo';
import { createDecisionsRepo } from './decisions-repo';
import { createExceptionsRepo } from './exceptions-repo';
import { createGenealogyRepo } from './genealogy-repo';
import { createInbox } from './inbox';
import { createInspectionLotsRepo } from './inspection-lots-repo';
import { createLotHistoryRepo } from './lot-history-repo';
import { createLotsRepo } from './lots-repo';
import { createMasterRepo } from './master-repo';
import { createOrderFacts } from './order-facts';
import { createOutbox } from './outbox';
import { createPlanningRepo } from './planning-repo';
import { createRebalancingRepo } from './rebalancing-repo';
import { createScenariosRepo } from './scenarios-repo';
import { createTasksRepo } from './tasks-repo';
import { createEscalationsRepo } from './escalations-repo';
import { createUnitMappingsRepo } from './unit-mappings-repo';
import { createUsageDecisionsRepo } from './usage-decisions-repo';
import { createWorkstationRepo } from './workstation-repo';

export function createRepos(db: Database.Database) {
  return {
    inbox: createInbox(db),
    deadLetters: createDeadLetters(db),
    outbox: createOutbox(db),
    audit: createAuditLog(db),
    lots: createLotsRepo(db),
    master: createMasterRepo(db),
    tasks: createTasksRepo(db),
    decisions: createDecisionsRepo(db),
    instances: createInstancesRepo(db),
    planning: createPlanningRepo(db),
    orderFacts: createOrderFacts(db),
    exceptions: createExceptionsRepo(db),
    approvals: createApprovalsRepo(db),
    genealogy: createGenealogyRepo(db),
    lotHistory: createLotHistoryRepo(db),
    inspectionLots: createInspectionLotsRepo(db),
    alerts: createAlertsRepo(db),
    rebalancing: createRebalancingRepo(db),
    scenarios: createScenariosRepo(db),
    usageDecisions: createUsageDecisionsRepo(db),
    workstation: createWorkstationRepo(db),
    unitMappings: createUnitMappingsRepo(db),
    escalations: createEscalationsRepo(db),
    cycleCounts: createCycleCountsRepo(db),
  };
}
export type Repos = ReturnType<typeof createRepos>;
