// The baseline of "popup open → card": an extension page that runs one module script and shows a
// card heading (the same markup the popup's card has), and does nothing else (no database, no messages).
const card = document.createElement('article');
card.dataset.testid = 'entity-card';
const h = document.createElement('h2');
h.className = 'name';
h.textContent = 'Blank';
card.append(h);
document.body.append(card);
