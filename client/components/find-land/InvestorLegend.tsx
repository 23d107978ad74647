import { useI18n } from '../../i18n/i18n.tsx';
import { ENQUIRY_OUTLINE, MATCH_CASING, MATCH_OUTLINE } from '../../map/style/symbology.ts';
import { canEdit, useSession } from '../../session/session.tsx';

/** Legend entries for the find-land outlines: search matches, and (planners) open enquiries. */
export function InvestorLegend() {
  const { t } = useI18n();
  const { user } = useSession();
  return (
    <ul className="outlines investor-legend">
      {/* Shown only while the find-land dock is open (styles.css). */}
      <li className="match">
        <span className="swatch outline" style={{ borderColor: MATCH_OUTLINE, outline: `2px solid ${MATCH_CASING}`, outlineOffset: '-1px' }} />
        {t('findMatchLegend')}
      </li>
      {canEdit(user) && (
        <li>
          <span className="swatch outline dashed" style={{ borderColor: ENQUIRY_OUTLINE }} />
          {t('enquiryMarks')}
        </li>
      )}
    </ul>
  );
}
