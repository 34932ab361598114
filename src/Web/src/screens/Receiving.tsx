import { Shell } from "../layout/Shell";
import { Empty } from "../components/Status";

// Placeholder until this screen is built (issue 9).
export default function Receiving() {
  return (
    <Shell title="Receiving">
      <Empty>Not available yet.</Empty>
    </Shell>
  );
}
