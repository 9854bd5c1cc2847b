import { describe, expect, it } from 'vitest';
import { withoutUndrawnWhitespace } from '../../src/lib/compact-html';

describe('withoutUndrawnWhitespace', () => {
  it('drops the white space beside block tags and folds runs of spaces', () => {
    expect(
      withoutUndrawnWhitespace(
        '<ul class="facts">  <li data-hours>Open  daily</li>   <li>x</li> </ul> <p>a</p>\n<div> <img src="q.svg" alt="q"> </div>',
      ),
    ).toBe(
      '<ul class="facts"><li data-hours>Open daily</li><li>x</li></ul><p>a</p><div><img src="q.svg" alt="q"></div>',
    );
  });

  it('keeps the space between inline elements, which is a visible word space', () => {
    const inline =
      '<p><span>Or type:</span> <strong class="ltr">example.org/s/RO-BN/</strong> <a href="#x">x</a></p>';
    expect(withoutUndrawnWhitespace(inline)).toBe(inline);
    expect(withoutUndrawnWhitespace('<label> <input type="radio" name="a" value="yes"> Yes </label>')).toBe(
      '<label> <input type="radio" name="a" value="yes"> Yes </label>',
    );
  });

  it('keeps no-break and narrow spaces, which are characters, not layout', () => {
    const spaced = '<p>12\u202f000\u00a0km</p>';
    expect(withoutUndrawnWhitespace(`<div>\u00a0 ${spaced}</div>`)).toBe(`<div>\u00a0 ${spaced}</div>`);
  });

  it('leaves preformatted text, text areas, scripts and styles exactly as they are', () => {
    const kept =
      '<pre>  two\n  lines</pre><textarea>  a  </textarea><script>x = "> <";</script><style>a  b {}</style>';
    expect(withoutUndrawnWhitespace(`<div> ${kept} </div>`)).toBe(`<div>${kept}</div>`);
  });
});
