// Copies a secret shown once (a new token, a webhook secret) to the clipboard. The Clipboard API
// needs a secure context; offices often reach the service over plain HTTP, where the selected text
// is copied the old way instead.
(() => {
  for (const button of document.querySelectorAll('button[data-copy]')) {
    button.addEventListener('click', async () => {
      const field = document.getElementById(button.dataset.copy);
      const status = button.closest('.secret')?.querySelector('.copy-status');
      field.focus();
      field.select();
      let copied = false;
      try {
        await navigator.clipboard.writeText(field.value);
        copied = true;
      } catch {
        copied = document.execCommand('copy');
      }
      if (status)
        status.textContent = copied ? '已复制到剪贴板。' : '无法自动复制，请按 Ctrl+C 复制已选中的内容。';
    });
  }
})();
