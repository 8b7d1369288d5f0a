import { z } from 'zod';
import { parseEuros } from '../budget/parse-amount';
import type { Gap } from '../results/list-gaps';
import { actionStatuses, type ActionRecord } from './action-record';

/**
 * The action plan: what turns a gap into work with an owner, a date and a cost (design §4, Action plan). Pure
 * rules here; the screens (src/features/action-plan) and the report use them alike.
 */
export type ActionStatus = (typeof actionStatuses)[number];

/** To do and in progress; "done" and "dropped" are closed. */
export function isOpen(status: ActionStatus): boolean {
  return status === 'todo' || status === 'in-progress';
}

/** An open action whose due date has passed (the day itself is not late). */
export function isOverdue(action: Pick<ActionRecord, 'status' | 'dueDate'>, asOf: string): boolean {
  return isOpen(action.status) && action.dueDate !== undefined && action.dueDate < asOf;
}

const statusRank: Record<ActionStatus, number> = { 'in-progress': 0, todo: 0, done: 1, dropped: 2 };

/**
 * The order of the list: open actions first, overdue ones at the top; then by due date (undated last), then by
 * creation, then by id, so that two screens never show the same plan in two orders.
 */
export function compareActions(asOf: string): (a: ActionRecord, b: ActionRecord) => number {
  return (a, b) =>
    statusRank[a.status] - statusRank[b.status] ||
    Number(isOverdue(b, asOf)) - Number(isOverdue(a, asOf)) ||
    (a.dueDate ?? '9999-12-31').localeCompare(b.dueDate ?? '9999-12-31') ||
    a.createdAt - b.createdAt ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

export function sortActions(actions: readonly ActionRecord[], asOf: string): ActionRecord[] {
  return [...actions].sort(compareActions(asOf));
}

export interface PlanCost {
  /** Estimated cost of the open actions: what the plan still has to fund. */
  open: number;
  /** Estimated cost of the actions done. */
  done: number;
  /** Open actions with no estimate: the open total is then a floor. */
  openWithoutEstimate: number;
}

export function planCost(actions: readonly ActionRecord[]): PlanCost {
  let open = 0;
  let done = 0;
  let openWithoutEstimate = 0;
  for (const a of actions) {
    if (isOpen(a.status)) {
      if (a.estimatedCost === undefined) openWithoutEstimate += 1;
      else open += a.estimatedCost;
    } else if (a.status === 'done') {
      done += a.estimatedCost ?? 0;
    }
  }
  return { open, done, openWithoutEstimate };
}

export interface CostAgainstGap {
  cost: number;
  /** Euros a year missing to reach the budget target (budget screen); undefined when the budget is not entered. */
  gap: number | undefined;
  /** cost / gap; undefined when there is no gap to compare with. */
  share: number | undefined;
  /** What the plan costs beyond the gap (0 when within it). */
  beyondGap: number | undefined;
}

/**
 * Sets the plan's cost against the budget gap: "the plan would use 40 % of the 250,000 € missing to reach 10 % of
 * the IT budget". Both are estimates for one year; the screen says so.
 */
export function costAgainstGap(cost: number, gap: number | undefined): CostAgainstGap {
  if (gap === undefined) return { cost, gap, share: undefined, beyondGap: undefined };
  return {
    cost,
    gap,
    share: gap > 0 ? cost / gap : undefined,
    beyondGap: Math.max(0, cost - gap),
  };
}

/** The first things to do for a one-page summary: planned actions, else the gaps that have none yet. */
export type FirstAction = { kind: 'action'; action: ActionRecord } | { kind: 'gap'; gap: Gap };

/**
 * The plan's first open actions in its own order (overdue first, then by due date); when the plan has fewer than
 * `count`, the highest-ranked gaps that have no action yet fill the list, so a director who has not planned
 * anything still sees what to start with.
 */
export function firstActions(
  actions: readonly ActionRecord[],
  gaps: readonly Gap[],
  asOf: string,
  count: number,
): FirstAction[] {
  const open = sortActions(
    actions.filter((a) => isOpen(a.status)),
    asOf,
  ).map((action): FirstAction => ({ kind: 'action', action }));
  const covered = new Set(actions.filter((a) => a.status !== 'dropped').map((a) => a.itemId));
  const suggested = gaps.filter((g) => !covered.has(g.item.id)).map((gap): FirstAction => ({ kind: 'gap', gap }));
  return [...open, ...suggested].slice(0, count);
}

// ---------------------------------------------------------------------------------------------------------------
// The form

const optionalText = (max: number, code: string) =>
  z
    .string()
    .max(max, code)
    .optional()
    .transform((v) => (v?.trim() ? v.trim() : undefined));

/** What the action form accepts; messages are error codes that the interface translates (describe-error.ts). */
export const actionInputSchema = z.object({
  title: z.string().trim().min(1, 'title-required').max(500, 'title-too-long'),
  description: optionalText(10000, 'description-too-long'),
  owner: optionalText(200, 'owner-too-long'),
  dueDate: z
    .string()
    .optional()
    .refine((v) => !v || z.iso.date().safeParse(v).success, 'date-invalid')
    .transform((v) => v || undefined),
  status: z.enum(actionStatuses),
  estimatedCost: z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (!v?.trim()) return undefined;
      const amount = parseEuros(v);
      if (amount === undefined) {
        ctx.addIssue({ code: 'custom', message: 'cost-invalid' });
        return z.NEVER;
      }
      if (amount < 0) {
        ctx.addIssue({ code: 'custom', message: 'cost-negative' });
        return z.NEVER;
      }
      return amount;
    }),
});
export type ActionInput = z.input<typeof actionInputSchema>;
/** What the form gives once read: the schema's output, with what was left empty left out. */
export interface ValidActionInput {
  title: string;
  description?: string | undefined;
  owner?: string | undefined;
  dueDate?: string | undefined;
  status: ActionStatus;
  estimatedCost?: number | undefined;
}

/** Where an action comes from: a gap (assessment + item) or nothing (written from scratch). */
export interface ActionOrigin {
  establishmentId: string;
  assessmentId?: string | undefined;
  itemId?: string | undefined;
}

export function buildAction(input: ValidActionInput, origin: ActionOrigin, id: string, now: number): ActionRecord {
  return {
    id,
    establishmentId: origin.establishmentId,
    ...(origin.assessmentId ? { assessmentId: origin.assessmentId } : {}),
    ...(origin.itemId ? { itemId: origin.itemId } : {}),
    title: input.title,
    ...(input.description !== undefined ? { description: input.description } : {}),
    ...(input.owner !== undefined ? { owner: input.owner } : {}),
    ...(input.dueDate !== undefined ? { dueDate: input.dueDate } : {}),
    status: input.status,
    ...(input.estimatedCost !== undefined ? { estimatedCost: input.estimatedCost } : {}),
    createdAt: now,
    updatedAt: now,
  };
}

/** The form's fields for an existing action (amounts as typed text, empty strings for what is not set). */
export function actionToInput(action: ActionRecord): ActionInput {
  return {
    title: action.title,
    description: action.description ?? '',
    owner: action.owner ?? '',
    dueDate: action.dueDate ?? '',
    status: action.status,
    estimatedCost: action.estimatedCost === undefined ? '' : String(action.estimatedCost).replace('.', ','),
  };
}
