// Wavy underlines under the words of a textarea, where they stand. A textarea
// cannot style its own words, so a copy of the text sits behind it (letters
// transparent, same box, font, wrapping and scroll) with the flagged words
// underlined; the textarea, transparent, stays the field people type in.
// Put it next to the textarea inside an element with position: relative.
import { useLayoutEffect, useRef, type RefObject } from 'react';
import { markRuns, type TextMark } from './text-marks.ts';
import './text-marks.css';

/** What must match for the copy to wrap exactly as the textarea does. */
const copied = [
  'fontFamily', 'fontSize', 'fontWeight', 'fontStyle', 'lineHeight', 'letterSpacing', 'wordSpacing', 'textIndent', 'tabSize', 'textTransform',
  'paddingTop', 'paddingRight', 'paddingBottom', 'paddingLeft', 'borderTopWidth', 'borderRightWidth', 'borderBottomWidth', 'borderLeftWidth', 'boxSizing',
] as const;

export function TextMarksBackdrop({ field, text, marks }: { field: RefObject<HTMLTextAreaElement | null>; text: string; marks: readonly TextMark[] }) {
  const backdrop = useRef<HTMLDivElement>(null);
  const visible = marks.length > 0;

  useLayoutEffect(() => {
    const area = field.current;
    const copy = backdrop.current;
    if (!area || !copy || !visible) return;
    const place = () => {
      const style = getComputedStyle(area);
      for (const property of copied) copy.style[property] = style[property];
      copy.style.borderStyle = 'solid';
      copy.style.borderColor = 'transparent';
      // Where the textarea is in the positioned element holding both (labels, paddings and wrappers included).
      const holder = (copy.offsetParent as HTMLElement | null) ?? copy.parentElement!;
      const at = area.getBoundingClientRect();
      const origin = holder.getBoundingClientRect();
      copy.style.top = `${at.top - origin.top - holder.clientTop}px`;
      copy.style.left = `${at.left - origin.left - holder.clientLeft}px`;
      copy.style.width = `${area.offsetWidth}px`;
      copy.style.height = `${area.offsetHeight}px`;
      // A scrollbar narrows the textarea's lines: narrow the copy's by as much.
      const borders = parseFloat(style.borderLeftWidth) + parseFloat(style.borderRightWidth);
      const scrollbar = area.offsetWidth - area.clientWidth - borders;
      copy.style.paddingRight = `${parseFloat(style.paddingRight) + Math.max(0, scrollbar)}px`;
      copy.scrollTop = area.scrollTop;
    };
    place();
    const follow = () => (copy.scrollTop = area.scrollTop);
    area.addEventListener('scroll', follow);
    const resized = new ResizeObserver(place);
    resized.observe(area);
    return () => {
      area.removeEventListener('scroll', follow);
      resized.disconnect();
    };
  }, [field, text, visible]);

  if (!visible) return null;
  return (
    <div ref={backdrop} className="relais-text-marks" aria-hidden="true">
      {markRuns(text, marks).map((run, index) =>
        run.kind ? (
          <mark key={index} className={`relais-text-mark relais-text-mark-${run.kind}`} data-testid="text-mark" data-kind={run.kind}>
            {run.text}
          </mark>
        ) : (
          run.text
        ),
      )}
      {/* A final line break needs something after it to take its line. */}
      {'\u200b'}
    </div>
  );
}
