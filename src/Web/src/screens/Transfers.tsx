import { Shell } from "../layout/Shell";
import { Empty } from "../components/Status";

// Placeholder until this screen is built (issue 9).
export default function Transfers() {
  return (
    <Shell title="Transfers">
      <Empty>Not available yet.</Empty>
    </Shell>
  );
}
