import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ScrollRegion } from '../../components/scroll-region';
import { decodeCsvBytes, parseCsv } from '../../domain/consolidation/consolidated-csv';
import { EXPECTED_LIST_HEADER, readExpectedList, type ExpectedList } from '../../domain/consolidation/expected-list';
import { currentLanguage } from '../../i18n/i18n';
import { describeExpectedIssue } from '../../texts/describe-error';
import { formatNumber } from '../../texts/format';

export interface LoadedExpectedList {
  fileName: string;
  list: ExpectedList;
}

/**
 * The list of expected establishments (a CSV, format in src/domain/consolidation/expected-list.ts). It is read here,
 * kept for the session and never stored: it is the auditor's working list, re-imported when it changes.
 */
export function ExpectedListPanel({
  expected,
  onChange,
}: {
  expected: LoadedExpectedList | null;
  onChange: (expected: LoadedExpectedList | null) => void;
}) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const [failed, setFailed] = useState(false);

  const read = async (file: File | undefined) => {
    setFailed(false);
    if (!file) return;
    try {
      const list = readExpectedList(parseCsv(decodeCsvBytes(new Uint8Array(await file.arrayBuffer()))));
      onChange({ fileName: file.name, list });
    } catch {
      setFailed(true);
    }
  };

  return (
    <section className="section" aria-labelledby="auditor-expected">
      <h2 id="auditor-expected">{t('auditor.expected.title')}</h2>
      <p>{t('auditor.expected.intro')}</p>
      <details className="expected-format">
        <summary>{t('auditor.expected.exampleLabel')}</summary>
        <p>
          <code>{EXPECTED_LIST_HEADER}</code>
        </p>
        <p>
          {t('auditor.expected.format', {
            required: EXPECTED_LIST_HEADER.split(';')[0],
            optional: EXPECTED_LIST_HEADER.split(';').slice(1).join(', '),
          })}
        </p>
      </details>
      <div className="button-row">
        <label className="button">
          {t('auditor.expected.choose')}
          <input
            type="file"
            accept=".csv,text/csv"
            className="visually-hidden"
            onChange={(event) => {
              void read(event.target.files?.[0]);
              event.target.value = '';
            }}
          />
        </label>
        {expected ? (
          <button type="button" className="button button--link" onClick={() => onChange(null)}>
            {t('auditor.expected.remove')}
          </button>
        ) : null}
      </div>
      {failed ? (
        <p className="notice notice--error" role="alert">
          {t('auditor.expected.readFailed')}
        </p>
      ) : null}
      {expected ? (
        <>
          <p role="status">
            {t('auditor.expected.loaded', {
              count: expected.list.entries.length,
              value: formatNumber(expected.list.entries.length, language),
              fileName: expected.fileName,
            })}
          </p>
          {expected.list.issues.length > 0 ? (
            <ScrollRegion labelledBy="expected-issues-caption">
              <table className="data-table">
                <caption id="expected-issues-caption">{t('auditor.expected.issuesTitle')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('auditor.expected.line')}</th>
                    <th scope="col">{t('auditor.expected.value')}</th>
                    <th scope="col">{t('auditor.expected.issue')}</th>
                  </tr>
                </thead>
                <tbody>
                  {expected.list.issues.map((issue) => (
                    <tr key={`${issue.line}-${issue.code}`}>
                      <th scope="row">{formatNumber(issue.line, language)}</th>
                      <td className="text">
                        <code>{issue.value ?? ''}</code>
                      </td>
                      <td className="text">{describeExpectedIssue(t, issue.code)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollRegion>
          ) : null}
        </>
      ) : null}
    </section>
  );
}
