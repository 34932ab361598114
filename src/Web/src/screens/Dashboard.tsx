import { Shell } from "../layout/Shell";
import { Empty } from "../components/Status";

// Placeholder until this screen is built (issue 9).
export default function Dashboard() {
  return (
    <Shell title="Dashboard">
      <Empty>Not available yet.</Empty>
    </Shell>
  );
}
