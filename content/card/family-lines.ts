/**
 * The one line the card says of a translation or related campaign, in the interface's language. The
 * English messages are FAMILY.md's words as family.ts holds them (family-lines.test.ts keeps them equal).
 */
import type { DescribedId } from '../family';
import { familyNote } from '../family';
import { t } from '../i18n';

const LINES: { readonly [id in DescribedId]: () => string } = {
  moiaussi: () => t('family_moiaussi'),
  yotambién: () => t('family_yotambien'),
  yotambien: () => t('family_yotambien'),
  eutambém: () => t('family_eutambem'),
  米兔: () => t('family_mitu'),
  미투: () => t('family_korean'),
  أنا_كمان: () => t('family_arabic'),
  anakaman: () => t('family_anakaman'),
  metooindia: () => t('family_metooindia'),
  balancetonporc: () => t('family_balancetonporc'),
  quellavoltache: () => t('family_quellavoltache'),
  churchtoo: () => t('family_churchtoo'),
  metook12: () => t('family_metook12'),
  timesup: () => t('family_timesup'),
};

/** The tag's line in the interface language; none for the core tags. */
export function familyLine(id: string): string | null {
  return familyNote(id) ? LINES[id as DescribedId]() : null;
}
