import { useEffect, useState } from "react";
import { businessDate } from "./businessDay";

/** Today's business date in a time zone, rolling over at its midnight while the screen stays open. */
export function useBusinessToday(timeZone: string): string {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), 60_000);
    return () => clearInterval(timer);
  }, []);
  return businessDate(now, timeZone);
}
