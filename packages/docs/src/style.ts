// System fonts only: the site must not load anything from the network.
/** The stylesheet of the site's own pages (index, product pages). */
export const STYLE = `
  body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; margin: 0; color: #1f2328; background: #f6f8fa; }
  main { max-width: 980px; margin: 0 auto; padding: 24px; }
  h1 { margin: 8px 0 4px; } .lead { color: #57606a; margin-top: 0; }
  section.product { background: #fff; border: 1px solid #d0d7de; border-radius: 8px; padding: 4px 24px 16px; margin: 20px 0; }
  section.product h2 { margin-bottom: 4px; } .meta { color: #57606a; margin-top: 0; }
  article.api { border-top: 2px solid #d0d7de; margin-top: 16px; } article.api h3 { margin: 12px 0 4px; }
  .versions a { font-weight: 600; margin-right: 8px; }
  .links a { display: inline-block; margin-right: 16px; font-weight: 600; }
  table { border-collapse: collapse; width: 100%; margin: 8px 0; } th, td { text-align: left; vertical-align: top; border-top: 1px solid #d8dee4; padding: 6px 8px; }
  th { width: 150px; color: #57606a; font-weight: 600; }
  code { font: 13px/1.4 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; background: #eff1f3; padding: 1px 4px; border-radius: 4px; }
  pre { background: #0d1117; color: #e6edf3; padding: 12px 16px; border-radius: 6px; overflow-x: auto; }
  pre code { background: none; color: inherit; padding: 0; }
  .mark { font-size: 12px; font-weight: 600; border-radius: 10px; padding: 1px 8px; margin-left: 6px; vertical-align: middle; background: #ddf4ff; color: #0969da; }
  .mark.package-root { background: #eff1f3; color: #57606a; }
  ul { margin: 4px 0; padding-left: 20px; } td p { margin: 0 0 6px; }
`;
