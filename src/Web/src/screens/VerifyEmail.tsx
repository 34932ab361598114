import { useEffect, useRef, useState } from "react";
import { Link, useNavigate, useSearchParams } from "react-router-dom";
import { verifyEmail } from "../api/client";
import { Loading, Problem } from "../components/Status";

/** The page a sign-up's link opens: verifies the address, which creates the business and signs its admin in. */
export default function VerifyEmail() {
  const navigate = useNavigate();
  const token = useSearchParams()[0].get("token") ?? "";
  const [error, setError] = useState<unknown>(null);
  // The link works once: a second effect run (React's development double run) must not spend it twice.
  const asked = useRef(false);

  useEffect(() => {
    if (asked.current) return;
    asked.current = true;
    verifyEmail(token)
      .then(() => navigate("/", { replace: true }))
      .catch(setError);
  }, [token, navigate]);

  return (
    <main className="card narrow">
      <h1>Verifying your email</h1>
      {error ? (
        <>
          <Problem error={error} />
          <p>
            <Link to="/sign-up">Sign up again</Link> for a new link, or <Link to="/sign-in">sign in</Link> if your email is verified.
          </p>
        </>
      ) : (
        <Loading what="Opening your account…" />
      )}
    </main>
  );
}
