/**
 * The bench's peer for the first paint: a bare React 19 page that renders one drill card, with the
 * same kind of Chinese text as the library's, and nothing else — no store, no drills to fetch. The
 * app's first card ÷ this card's paint is the cost of everything the app does before its first card.
 */
import { createRoot } from 'react-dom/client';
import './peer.css';

// React's types do not list Element Timing's attribute; a spread passes it through unchecked.
const timed = { elementtiming: 'drill-card' };

function Card() {
  return (
    <main className="screen">
      <h1>桌面推演</h1>
      <article className="drill-card">
        <h2 {...timed}>不明原因肺炎的早期预警</h2>
        <p className="summary">
          某市多家医院接连报告不明原因肺炎病例，一位医生在同学群里说出了他看到的情况。作为市长，你要决定何时核实、
          何时报告、何时向社会发布预警，而人民代表大会即将召开。
        </p>
        <dl className="facts">
          <div>
            <dt>扮演角色</dt>
            <dd>市长</dd>
          </div>
          <div>
            <dt>预计用时</dt>
            <dd>30 分钟</dd>
          </div>
        </dl>
        <button type="button">开始演练</button>
      </article>
    </main>
  );
}

const root = document.getElementById('root');
if (!root) throw new Error('#root is missing');
createRoot(root).render(<Card />);
