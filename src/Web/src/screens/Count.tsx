import { Shell } from "../layout/Shell";
import { Empty } from "../components/Status";

// Placeholder until this screen is built (issue 9).
export default function Count() {
  return (
    <Shell title="Count">
      <Empty>Not available yet.</Empty>
    </Shell>
  );
}
