import { Shell } from "../layout/Shell";
import { Empty } from "../components/Status";

// Placeholder until this screen is built (issue 9).
export default function Suppliers() {
  return (
    <Shell title="Suppliers">
      <Empty>Not available yet.</Empty>
    </Shell>
  );
}
