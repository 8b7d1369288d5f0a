import { displayName } from '../texts/format';

/**
 * A name from a file or typed by someone, on screen: its bidirectional control characters shown as ‹U+202E›
 * (displayName, src/texts/format.ts), and the name isolated in a <bdi> so that right-to-left letters in it do not
 * reorder the text around it (HTML's bidi isolation; Unicode UAX #9, isolates).
 */
export function DisplayName({ name }: { name: string | undefined }) {
  return <bdi>{displayName(name ?? '')}</bdi>;
}
