// Which role a speaker held when: roles in the registry carry from/to days (either may be open).
import type { IsoDate, Speaker, SpeakerRole } from '../types.js';
import type { Period } from './types.js';

function startsBefore(role: SpeakerRole, day: IsoDate): boolean {
  return role.from == null || role.from <= day;
}

function endsAfter(role: SpeakerRole, day: IsoDate): boolean {
  return role.to == null || day <= role.to;
}

/** The most recently started of the given roles. */
function latestStarted(roles: SpeakerRole[]): SpeakerRole | undefined {
  return [...roles].sort((a, b) => (b.from ?? '').localeCompare(a.from ?? ''))[0];
}

/**
 * The title of the role the speaker held on the day. Undated statements get the role still held (no
 * end day). Where roles overlap, the most recently started one wins.
 */
export function roleOn(speaker: Speaker, date: IsoDate | null): string | null {
  const held =
    date === null
      ? speaker.roles.filter((role) => role.to == null)
      : speaker.roles.filter((role) => startsBefore(role, date) && endsAfter(role, date));
  return latestStarted(held)?.title ?? null;
}

/** The title of the most recently started role the speaker held at some point in the period. */
export function roleDuring(speaker: Speaker, period: Period): string | null {
  const held = speaker.roles.filter((role) => startsBefore(role, period.to) && endsAfter(role, period.from));
  return latestStarted(held)?.title ?? null;
}
