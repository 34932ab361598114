import { useEffect, useState } from "react";

/**
 * Progress text for work that takes a while (training a model, generating a report): what is happening,
 * and for how long, so nobody taps the button again thinking it froze. `later` replaces `what` after a few seconds.
 */
export function Working({ what, later, after = 3 }: { what: string; later?: string; after?: number }) {
  const [seconds, setSeconds] = useState(0);
  useEffect(() => {
    const started = Date.now();
    const timer = setInterval(() => setSeconds(Math.floor((Date.now() - started) / 1000)), 1000);
    return () => clearInterval(timer);
  }, []);
  return (
    <p role="status" className="muted working">
      {later && seconds >= after ? later : what}
      {seconds > 0 && ` ${seconds} s`}
    </p>
  );
}
