// Renders public/favicon.svg to the PNG and ICO files browsers and home screens ask for, with Debian's
// Chromium (the same one the browser tests use). Run after changing the SVG: node scripts/generate-icons.mjs
import fs from "node:fs";
import path from "node:path";
import { chromium } from "playwright-core";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
const svg = fs.readFileSync(path.join(root, "public/favicon.svg"), "utf8");
const dataUrl = `data:image/svg+xml;base64,${Buffer.from(svg).toString("base64")}`;

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"],
});
async function render(size) {
  const page = await browser.newPage({ viewport: { width: size, height: size } });
  await page.setContent(
    `<html><body style="margin:0;background:transparent"><img src="${dataUrl}" width="${size}" height="${size}" style="display:block"></body></html>`,
  );
  const png = await page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
  await page.close();
  return png;
}

/** An ICO file whose images are PNGs (supported by every browser since Windows Vista's format change). */
function ico(images) {
  const header = Buffer.alloc(6);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2);
  header.writeUInt16LE(images.length, 4);
  let offset = 6 + 16 * images.length;
  const entries = images.map(({ size, png }) => {
    const entry = Buffer.alloc(16);
    entry.writeUInt8(size >= 256 ? 0 : size, 0);
    entry.writeUInt8(size >= 256 ? 0 : size, 1);
    entry.writeUInt8(0, 2);
    entry.writeUInt8(0, 3);
    entry.writeUInt16LE(1, 4);
    entry.writeUInt16LE(32, 6);
    entry.writeUInt32LE(png.length, 8);
    entry.writeUInt32LE(offset, 12);
    offset += png.length;
    return entry;
  });
  return Buffer.concat([header, ...entries, ...images.map((image) => image.png)]);
}

const out = (name) => path.join(root, "public", name);
fs.writeFileSync(out("apple-touch-icon.png"), await render(180));
fs.writeFileSync(out("icon-192.png"), await render(192));
fs.writeFileSync(out("icon-512.png"), await render(512));
fs.writeFileSync(
  out("favicon.ico"),
  ico([
    { size: 16, png: await render(16) },
    { size: 32, png: await render(32) },
    { size: 48, png: await render(48) },
  ]),
);
await browser.close();
console.log("public/: apple-touch-icon.png, icon-192.png, icon-512.png, favicon.ico");
