/* global window, document */
// Applies the remembered theme and language before the first paint (an
// external file, so a strict Content-Security-Policy allows it).
(function () {
  try {
    var scheme = localStorage.getItem('relais.color-scheme');
    if (scheme !== 'light' && scheme !== 'dark') {
      scheme = window.matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
    }
    document.documentElement.setAttribute('data-mantine-color-scheme', scheme);
    var lang = localStorage.getItem('relais.locale') || navigator.language || 'en';
    document.documentElement.lang = lang.toLowerCase().indexOf('fr') === 0 ? 'fr' : 'en';
  } catch {
    // Storage unavailable: keep the defaults.
  }
})();
