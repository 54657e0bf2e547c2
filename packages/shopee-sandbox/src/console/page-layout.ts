import { escapeHtml } from "../http-io.js"

/** The shared frame of the sandbox's server-rendered pages: no scripts, no build step. */
export function pageLayout(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>${escapeHtml(title)}</title>
<style>
body { font-family: system-ui, sans-serif; margin: 2rem; color: #222; }
h1 { color: #ee4d2d; }
table { border-collapse: collapse; margin-bottom: 1.5rem; }
th, td { border: 1px solid #ddd; padding: 0.3rem 0.6rem; text-align: left; vertical-align: top; }
th { background: #fafafa; }
form.inline { display: inline; }
fieldset { margin-bottom: 1.5rem; }
.muted { color: #777; }
</style>
</head>
<body>
${body}
</body>
</html>`
}
