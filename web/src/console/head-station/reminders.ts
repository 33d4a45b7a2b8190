/**
 * The head station's reminders to a late expert (催办), as its pages read them: whether the expert
 * was reminded, when last and how many times, and whether it may be reminded again today. The
 * service allows one reminder per expert and case a day (Asia/Shanghai) and refuses the rest; the
 * page says so before anyone clicks.
 */
import { dateInShanghai } from '@/dates';

/** What an assignment says about its reminders (the round's and the case's assignment lists). */
export interface Reminded {
  reminders_sent: number;
  last_reminded_at: string | null;
}

export type ReminderState =
  | { kind: 'never' }
  /** Reminded before today: it may be reminded again. */
  | { kind: 'earlier'; count: number; at: string }
  /** Reminded today already: the next reminder may be sent tomorrow. */
  | { kind: 'today'; count: number; at: string };

export function reminderState(task: Reminded, today: string): ReminderState {
  const at = task.last_reminded_at;
  if (!at || task.reminders_sent < 1) return { kind: 'never' };
  const count = task.reminders_sent;
  return dateInShanghai(at) === today ? { kind: 'today', count, at } : { kind: 'earlier', count, at };
}

/** The reminder the service just recorded (POST …/reminders answers it). */
export interface SentReminder {
  assignment_id: string;
  reminders_sent: number;
  last_reminded_at: string;
}

/**
 * The assignments with the reminders just sent applied, so the page shows them before it reloads:
 * a reminder replaces what its assignment said only when it is newer.
 */
export function withReminders<T extends Reminded & { assignment_id: string }>(
  assignments: ReadonlyArray<T>,
  sent: ReadonlyMap<string, SentReminder>,
): T[] {
  return assignments.map((a) => {
    const reminder = sent.get(a.assignment_id);
    if (!reminder || reminder.reminders_sent <= a.reminders_sent) return a;
    return { ...a, reminders_sent: reminder.reminders_sent, last_reminded_at: reminder.last_reminded_at };
  });
}
