// Pages are addressed after '#' (#/lists, #/lists/ua-request, #/review?state=needs_review),
// so the server serves one page and a reload or a shared address opens the same view.
import { useEffect, useState } from "preact/hooks";

export interface Route {
  path: string[];
  params: URLSearchParams;
}

function current(): Route {
  const hash = location.hash.replace(/^#\/?/, "");
  const [path = "", query = ""] = hash.split("?");
  return {
    path: path.split("/").filter(Boolean).map(decodeURIComponent),
    params: new URLSearchParams(query),
  };
}

export function useRoute(): Route {
  const [route, setRoute] = useState(current);
  useEffect(() => {
    const update = () => setRoute(current());
    addEventListener("hashchange", update);
    return () => removeEventListener("hashchange", update);
  }, []);
  return route;
}

export function href(path: string[], params: Record<string, string | undefined> = {}): string {
  const query = new URLSearchParams(
    Object.entries(params).filter((e): e is [string, string] => !!e[1]),
  ).toString();
  return "#/" + path.map(encodeURIComponent).join("/") + (query ? `?${query}` : "");
}

export function navigate(path: string[], params: Record<string, string | undefined> = {}): void {
  location.hash = href(path, params);
}
