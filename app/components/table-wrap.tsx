import { createContext, useContext, useId, type ReactNode } from 'react';

// The id the wrapper hands to the caption of the table inside it, so the region is named by it.
const CaptionIdContext = createContext<string | undefined>(undefined);

/**
 * The frame around a table that scrolls sideways on a narrow screen. A scrolling region must be
 * reachable by keyboard (axe scrollable-region-focusable), and a focusable region needs a name:
 * the table's <TableCaption> gives it, or `labelledBy` points at another element (a heading).
 */
export function TableWrap({ children, labelledBy }: { children: ReactNode; labelledBy?: string }) {
  const captionId = useId();
  return (
    <CaptionIdContext.Provider value={captionId}>
      <div className="table-wrap" tabIndex={0} role="region" aria-labelledby={labelledBy ?? captionId}>
        {children}
      </div>
    </CaptionIdContext.Provider>
  );
}

/** The caption of a table inside a <TableWrap>: it names the scrolling region as well. */
export function TableCaption({ children, className }: { children: ReactNode; className?: string }) {
  const id = useContext(CaptionIdContext);
  return <caption id={id} className={className}>{children}</caption>;
}
