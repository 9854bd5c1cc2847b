/**
 * "Is this offer safe?" self-check. Server-rendered as a checklist with the
 * guidance (works without JavaScript); once hydrated it asks yes/no and
 * explains the answers. Nothing is stored or sent: state lives in memory only.
 */
import { useEffect, useState } from 'preact/hooks';
import { assessOffer, type Answer } from '../../lib/self-check';
import type { SelfCheckQuestion } from '../../schemas/info';

export interface SelfCheckLine {
  country: string;
  countryName: string;
  phones: { href: string; display: string; spoken: string }[];
}

export interface SelfCheckLabels {
  title: string;
  intro: string;
  yes: string;
  no: string;
  answerAll: string;
  resultTitle: string;
  safe: string;
  risky: string;
  why: string;
  callLine: string;
  restart: string;
  checklistTitle: string;
  checklistIntro: string;
}

interface Props {
  questions: SelfCheckQuestion[];
  labels: SelfCheckLabels;
  lines: SelfCheckLine[];
}

function PhoneLinks({ line }: { line: SelfCheckLine }) {
  return (
    <>
      {line.phones.map((phone) => (
        <a class="call call--secondary" href={phone.href} key={phone.href}>
          <span class="call__number">
            <span class="ltr" aria-hidden="true">
              {phone.display}
            </span>
            <span class="visually-hidden">{phone.spoken}</span>
          </span>
        </a>
      ))}
    </>
  );
}

export default function SelfCheck({ questions, labels, lines }: Props) {
  const [interactive, setInteractive] = useState(false);
  const [answers, setAnswers] = useState<Record<string, Answer>>({});
  const [country, setCountry] = useState<string | null>(null);
  useEffect(() => {
    setInteractive(true);
    setCountry(new URLSearchParams(location.search).get('c'));
  }, []);

  if (!interactive) {
    return (
      <section class="self-check" aria-labelledby="self-check-title">
        <h2 id="self-check-title">{labels.checklistTitle}</h2>
        <p>{labels.checklistIntro}</p>
        <ul class="checklist">
          {questions.map((q) => (
            <li key={q.id}>
              <strong>{q.question}</strong> {q.ifYes}
            </li>
          ))}
        </ul>
      </section>
    );
  }

  const verdict = assessOffer(questions, answers);
  const line = lines.find((l) => l.country === country);
  return (
    <section class="self-check" aria-labelledby="self-check-title">
      <h2 id="self-check-title">{labels.title}</h2>
      <p>{labels.intro}</p>
      <form onSubmit={(event) => event.preventDefault()}>
        {questions.map((q) => (
          <fieldset key={q.id} class="question">
            <legend>{q.question}</legend>
            {(['yes', 'no'] as const).map((value) => (
              <label class="choice" key={value}>
                <input
                  type="radio"
                  name={q.id}
                  value={value}
                  checked={answers[q.id] === value}
                  onChange={() => setAnswers({ ...answers, [q.id]: value })}
                />
                {value === 'yes' ? labels.yes : labels.no}
              </label>
            ))}
          </fieldset>
        ))}
      </form>
      <div
        class="result"
        role="status"
        aria-live="polite"
        data-verdict={verdict.complete ? (verdict.warningIds.length > 0 ? 'risky' : 'safe') : 'incomplete'}
      >
        {!verdict.complete && <p>{labels.answerAll}</p>}
        {verdict.complete && (
          <>
            <h3>{labels.resultTitle}</h3>
            <p>
              <strong>{verdict.warningIds.length > 0 ? labels.risky : labels.safe}</strong>
            </p>
            {verdict.warningIds.length > 0 && (
              <>
                <p>{labels.why}</p>
                <ul>
                  {questions
                    .filter((q) => verdict.warningIds.includes(q.id))
                    .map((q) => (
                      <li key={q.id}>{q.ifYes}</li>
                    ))}
                </ul>
                {line && (
                  <>
                    <p>{labels.callLine.replace('{{country}}', line.countryName)}</p>
                    <PhoneLinks line={line} />
                  </>
                )}
              </>
            )}
          </>
        )}
      </div>
      {Object.keys(answers).length > 0 && (
        <button type="button" class="button-secondary" onClick={() => setAnswers({})}>
          {labels.restart}
        </button>
      )}
    </section>
  );
}
