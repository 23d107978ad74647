import type { EnquiryReceipt } from '../../../geodata/api.ts';
import { useI18n } from '../../i18n/i18n.tsx';

/**
 * What an investor keeps after sending: the reference to quote, the office that receives the
 * enquiry and how soon it answers, as the operator configured them; "no data" where nothing is
 * configured, never a made-up office or promise.
 */
export function EnquiryReceiptView({ receipt }: { receipt: EnquiryReceipt }) {
  const { t } = useI18n();
  const { desk } = receipt;
  const contacts = [desk.email, desk.phone].filter((x): x is string => !!x);
  const noData = <span className="nodata">{t('noData')}</span>;
  return (
    <>
      <p className="form-notice success">{t('enqSent')}</p>
      <dl className="facts receipt" data-testid="enquiry-receipt">
        <dt>{t('enqReference')}</dt>
        <dd>
          <strong data-testid="enquiry-reference">{receipt.reference}</strong>
        </dd>
        <dt>{t('enqRecipient')}</dt>
        <dd data-testid="enquiry-recipient">
          {desk.name || contacts.length ? (
            <>
              {desk.name}
              {contacts.map((c, i) => (
                <span key={c}>
                  {desk.name || i > 0 ? ' · ' : ''}
                  <a href={c === desk.email ? `mailto:${c}` : `tel:${c.replace(/[^+0-9]/g, '')}`}>{c}</a>
                </span>
              ))}
            </>
          ) : (
            noData
          )}
        </dd>
        <dt>{t('enqAnswerWithin')}</dt>
        <dd data-testid="enquiry-answer-time">{desk.responseDays === null ? noData : t('enqWorkingDays', { n: desk.responseDays })}</dd>
      </dl>
      <p className="hint">{t('enqQuoteReference')}</p>
    </>
  );
}
