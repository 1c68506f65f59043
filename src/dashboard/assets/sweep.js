// Refreshes a sweep's progress from its progress.json until the sweep is finished.
(() => {
  const box = document.getElementById('progress');
  if (!box || box.dataset.finished === 'true') return;
  const pollMs = Number(box.dataset.pollMs) || 3000;
  const text = (id, value) => {
    document.getElementById(id).textContent = String(value);
  };
  const cell = (content, className) => {
    const td = document.createElement('td');
    if (className) td.className = className;
    td.append(content);
    return td;
  };
  const render = (progress) => {
    text('sweep-state', progress.stateText);
    document.getElementById('sweep-state').className = `state ${progress.state}`;
    text('sweep-done', progress.done);
    text('sweep-total', progress.total);
    text('sweep-failed', progress.failed);
    const bar = document.getElementById('sweep-bar');
    bar.max = Math.max(progress.total, 1);
    bar.value = progress.done;
    const rows = progress.results.map((result) => {
      const row = document.createElement('tr');
      const name = document.createElement('th');
      name.scope = 'row';
      const link = document.createElement('a');
      link.href = result.href;
      link.textContent = result.fullName;
      name.append(link);
      const status = document.createElement('span');
      status.className = `status ${result.statusCss}`;
      status.textContent = result.status;
      const rating = document.createElement('span');
      rating.className = `rating ${result.rating.css}`;
      rating.textContent = result.rating.text;
      if (result.rating.title) rating.title = result.rating.title;
      row.append(
        name,
        cell(result.score, 'num score'),
        cell(rating),
        cell(status),
        cell(String(result.failing), 'num'),
      );
      return row;
    });
    document.getElementById('sweep-results').replaceChildren(...rows);
  };
  const poll = async () => {
    try {
      const response = await fetch(box.dataset.source, { headers: { accept: 'application/json' } });
      if (!response.ok || !response.headers.get('content-type')?.includes('json')) {
        text('sweep-live', '无法刷新进度（登录可能已过期），请重新加载页面。');
        return;
      }
      const progress = await response.json();
      render(progress);
      if (progress.finished) {
        text('sweep-live', '');
        return;
      }
    } catch {
      text('sweep-live', '暂时无法连接服务器，稍后重试。');
    }
    setTimeout(poll, pollMs);
  };
  setTimeout(poll, pollMs);
})();
