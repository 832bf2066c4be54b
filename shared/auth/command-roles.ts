// Which commands each role may send upstream: the gateway refuses the rest, whatever the command says
// of its sender, and the app asks the same table before it queues one. A new command type without a
// row fails to compile.
import type { CommandType } from '../commands';
import type { Role } from '../domain';

/** Planning work: a supervisor may do what a planner does. */
const planning: readonly Role[] = ['planner', 'supervisor'];
const qualityEngineer: readonly Role[] = ['quality-engineer'];
/** No person sends it: a workstation does, on its own, in answer to an event (see automaticCommands). */
const nobody: readonly Role[] = [];

export const commandRoles: Record<CommandType, readonly Role[]> = {
  // A containment hold is the engineer's; the block at a failed inspection is automatic.
  'lot.setStatus': qualityEngineer,
  'lot.disposition': qualityEngineer,
  'wms.moveTask': nobody,
  'supplierCase.open': nobody,
  'notification.create': nobody,
  'shipment.releaseHold': nobody,
  'po.expedite': planning,
  'po.create': planning,
  'substitution.apply': planning,
  // A use-as-is deviation is asked for by the engineer; a substitution or a transfer by a planner.
  'approval.request': [...planning, 'quality-engineer'],
  'approval.decide': ['supervisor'],
  'transfer.request': planning,
  'production.reschedule': planning,
  'production.reroute': planning,
  'exception.answer': planning,
  'po.updateReceiptDate': nobody,
  // How a plant's messages are read is support's: the operator's, or a supervisor's.
  'plant.mapUnit': ['operator', 'supervisor'],
  'escalation.raise': nobody,
  // A cycle count is settled by its workflow: adjusted at once within tolerance, after a supervisor's approval above it.
  'wms.pickPause': nobody,
  'wms.pickRelease': nobody,
  'wms.recount': nobody,
  'inventory.adjust': nobody,
};

/**
 * Commands a workstation sends under its own credential, as `system`, in answer to an event it heard
 * (every workstation sends the same id, derived from the event, and the gateway applies it once).
 * `lot.setStatus` is among them only towards `blocked`: releasing a lot is always a person's;
 * `approval.request` only for a cycle count's adjustment (the counter is its requester).
 */
export const automaticCommands: ReadonlySet<CommandType> = new Set(['lot.setStatus', 'wms.moveTask', 'supplierCase.open', 'notification.create', 'shipment.releaseHold', 'po.updateReceiptDate', 'escalation.raise', 'approval.request', 'wms.pickPause', 'wms.pickRelease', 'wms.recount', 'inventory.adjust']);

export function mayIssue(roles: Iterable<Role>, type: CommandType): boolean {
  const allowed = commandRoles[type];
  for (const role of roles) if (allowed.includes(role)) return true;
  return false;
}
