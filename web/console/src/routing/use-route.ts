import { useCallback, useEffect, useState } from 'react';
import { parseRoute, routePath, type Route } from './routes';

const base = import.meta.env.BASE_URL;

/** The current client route, and a way to go to another one (pushState; Back works). */
export function useRoute(): [Route, (route: Route, options?: { replace?: boolean }) => void] {
  const [route, setRoute] = useState<Route>(() => parseRoute(window.location.pathname, base));

  useEffect(() => {
    const onPop = () => setRoute(parseRoute(window.location.pathname, base));
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);

  const navigate = useCallback((next: Route, options: { replace?: boolean } = {}) => {
    const path = routePath(next, base);
    if (path !== window.location.pathname) {
      if (options.replace) window.history.replaceState(null, '', path);
      else window.history.pushState(null, '', path);
    }
    setRoute(next);
  }, []);

  return [route, navigate];
}

export { routePath, base as routeBase };
