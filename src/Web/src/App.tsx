import { lazy, Suspense, useEffect, useReducer, type ComponentType, type LazyExoticComponent, type ReactNode } from "react";
import { Navigate, Route, Routes, useLocation } from "react-router-dom";
import { getSession, onSessionChange } from "./api/client";
import { canOpen, screens } from "./nav";
import { Loading } from "./components/Status";
import SignIn from "./screens/SignIn";

// Open pages: a stranger reaches them from the sign-in page or a mailed link.
const SignUp = lazy(() => import("./screens/SignUp"));
const VerifyEmail = lazy(() => import("./screens/VerifyEmail"));
const AcceptInvitation = lazy(() => import("./screens/AcceptInvitation"));

// Each screen is its own chunk: the phone that opens count mode does not download the charts.
const views: Record<string, LazyExoticComponent<ComponentType>> = {
  "/": lazy(() => import("./screens/Dashboard")),
  "/inventory": lazy(() => import("./screens/Inventory")),
  "/count": lazy(() => import("./screens/Count")),
  "/count-sessions": lazy(() => import("./screens/CountSessions")),
  "/receiving": lazy(() => import("./screens/Receiving")),
  "/transfers": lazy(() => import("./screens/Transfers")),
  "/transactions": lazy(() => import("./screens/Transactions")),
  "/products": lazy(() => import("./screens/Products")),
  "/suppliers": lazy(() => import("./screens/Suppliers")),
  "/locations": lazy(() => import("./screens/Locations")),
  "/users": lazy(() => import("./screens/Users")),
  "/compliance": lazy(() => import("./screens/Compliance")),
  "/forecasts": lazy(() => import("./screens/Forecasts")),
  "/variance": lazy(() => import("./screens/Variance")),
  "/menu": lazy(() => import("./screens/Menu")),
  "/integrations": lazy(() => import("./screens/Integrations")),
  "/organization": lazy(() => import("./screens/Organization")),
  "/notifications": lazy(() => import("./screens/Notifications")),
};

export function App() {
  // Re-render on sign-in, sign-out and an expired sign-in, so the guards below see it.
  const [, changed] = useReducer((n: number) => n + 1, 0);
  useEffect(() => onSessionChange(changed), []);
  return (
    <Routes>
      <Route path="/sign-in" element={<SignIn />} />
      {(
        [
          ["/sign-up", SignUp],
          ["/verify-email", VerifyEmail],
          ["/accept-invitation", AcceptInvitation],
        ] as const
      ).map(([path, Page]) => (
        <Route
          key={path}
          path={path}
          element={
            <Suspense fallback={<Loading />}>
              <Page />
            </Suspense>
          }
        />
      ))}
      {screens.map((screen) => {
        const View = views[screen.path];
        return (
          <Route
            key={screen.path}
            path={screen.path}
            element={
              <Guard path={screen.path}>
                <Suspense fallback={<Loading />}>
                  <View />
                </Suspense>
              </Guard>
            }
          />
        );
      })}
      <Route path="*" element={<Navigate to="/" replace />} />
    </Routes>
  );
}

/** Sends a stranger to sign in, and tells a signed-in person when their role may not open a screen. */
function Guard({ path, children }: { path: string; children: ReactNode }) {
  const location = useLocation();
  const session = getSession();
  if (!session) return <Navigate to="/sign-in" replace state={{ from: location.pathname + location.search }} />;
  if (!canOpen(session.user.role, path)) {
    return (
      <main className="card narrow">
        <h1>Not for your role</h1>
        <p role="alert">
          This screen is for {screens.find((s) => s.path === path)?.roles.join(" and ")} users. Ask an admin if you need it.
        </p>
        <a href="/">Back to the dashboard</a>
      </main>
    );
  }
  return children;
}
