import type { Chapter, ChapterEntry } from '../report';
import { paragraphsOf } from '../report';

/** Deviations or applications, each provision with its status and its explanation's paragraphs. */
function Entries({ heading, entries }: { heading: string; entries: ChapterEntry[] }) {
  if (entries.length === 0) return null;
  return (
    <>
      <h3>{heading}</h3>
      {entries.map((e) => (
        <div key={e.heading} className="chapter-entry">
          <h4>{e.heading} <small>({e.status})</small></h4>
          {paragraphsOf(e.explanation).map((p, i) => <p key={i} className="prewrap">{p}</p>)}
        </div>
      ))}
    </>
  );
}

/** The jaarverslag chapter as the page shows it; the download renders the same structure (chapterHtml). */
export function ChapterView({ chapter }: { chapter: Chapter }) {
  const { labels } = chapter;
  return (
    <article className="chapter" lang={chapter.language}>
      <h1>{chapter.title}</h1>
      {chapter.intro.map((p, i) => <p key={i}>{p}</p>)}
      {chapter.sections.map((section) => (
        <section key={section.heading}>
          <h2>{section.heading}</h2>
          {section.paragraphs.map((p, i) => <p key={i}>{p}</p>)}
          <Entries heading={labels.deviations} entries={section.deviations} />
          <Entries heading={labels.applied} entries={section.applied} />
        </section>
      ))}
      {chapter.closing.map((p, i) => <p key={i} className="chapter-closing">{p}</p>)}
    </article>
  );
}
