import { useMemo } from 'react';
import { useApp } from './store-context';

export function LibraryScreen() {
  const library = useApp((s) => s.library);
  const startRun = useApp((s) => s.startRun);
  const entries = useMemo(() => Object.values(library.entries), [library.entries]);

  return (
    <main className="screen library">
      <header className="page-header">
        <h1>桌面推演</h1>
        <p className="tagline">
          预案要进行预演，预演要“真刀真枪”。选择一个演练，在时限压力下作出决策，结束后查看复盘。
        </p>
      </header>
      {library.status === 'loading' && <p aria-busy="true">正在载入演练……</p>}
      {library.status === 'ready' && entries.length === 0 && <p>演练库中还没有演练。</p>}
      <ul className="drill-list" aria-label="演练库">
        {entries.map(({ scenario }) => (
          <li key={scenario.id}>
            <article className="drill-card" aria-labelledby={`drill-${scenario.id}`}>
              <h2 id={`drill-${scenario.id}`}>{scenario.title}</h2>
              <p className="summary">{scenario.summary}</p>
              <dl className="facts">
                <div>
                  <dt>扮演角色</dt>
                  <dd>{scenario.role}</dd>
                </div>
                <div>
                  <dt>预计用时</dt>
                  <dd>{scenario.estimatedMinutes} 分钟</dd>
                </div>
                <div>
                  <dt>适用法律</dt>
                  <dd>{scenario.legalFramework} 年施行的文本</dd>
                </div>
              </dl>
              <button type="button" className="primary" onClick={() => startRun(scenario.id)}>
                开始演练<span className="visually-hidden">：{scenario.title}</span>
              </button>
            </article>
          </li>
        ))}
      </ul>
      {library.rejected.length > 0 && (
        <section className="rejected" aria-labelledby="rejected-heading">
          <h2 id="rejected-heading">未能载入的情景文件</h2>
          {library.rejected.map((r) => (
            <div key={r.file}>
              <h3>{r.file}</h3>
              <ul>
                {r.problems.map((p) => (
                  <li key={`${p.pointer}:${p.message}`}>
                    <code>{p.pointer || '/'}</code> {p.message}
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </section>
      )}
    </main>
  );
}
