// For tests: reads one series out of a Prometheus text exposition.

/**
 * The value of one series in a text exposition, or undefined when it is not there. The series is
 * written `name{a="1",b="2"}`; label order does not matter (prom-client keeps the order of use).
 */
export function sample(text: string, series: string): number | undefined {
  const parse = (written: string) => {
    const match = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})?$/.exec(written);
    if (!match) throw new Error(`not a series: ${written}`);
    const labels = [...(match[2] ?? "").matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map(([, key, value]) => `${key}=${value}`).sort();
    return `${match[1]}{${labels.join(",")}}`;
  };
  const wanted = parse(series);
  for (const line of text.split("\n")) {
    if (!line || line.startsWith("#")) continue;
    const space = line.lastIndexOf(" ");
    if (parse(line.slice(0, space)) === wanted) return Number(line.slice(space + 1));
  }
  return undefined;
}
