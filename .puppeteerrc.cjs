// Puppeteer must not download a browser during `npm ci`: the report drives a Chromium or Chrome
// that is already installed (see src/render/browser.ts). scripts/setup.sh installs one when none is found.
module.exports = { skipDownload: true };
