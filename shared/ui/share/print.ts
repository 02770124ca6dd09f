// Printing one part of a page (a QR card, a list sheet): the part is marked, the body gets a class
// while the print dialog is open, and print.css hides everything else only under that class — so
// an ordinary Ctrl+P of the page prints the page as it is.
import './print.css';

export function printOnly(sheet: HTMLElement): void {
  sheet.setAttribute('data-print-sheet', '');
  document.body.classList.add('radar-print');
  const done = () => {
    sheet.removeAttribute('data-print-sheet');
    document.body.classList.remove('radar-print');
    window.removeEventListener('afterprint', done);
  };
  window.addEventListener('afterprint', done);
  window.print();
  // Some engines don't fire afterprint when print() returns at once (headless, blocked dialogs).
  setTimeout(done, 1000);
}
