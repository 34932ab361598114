import { Loading, Problem } from "../components/Status";
import { Shell } from "../layout/Shell";
import { ModifierRulesSection } from "./menu/ModifierRulesSection";
import { PosItemsSection } from "./menu/PosItemsSection";
import { RecipesSection } from "./menu/RecipesSection";
import { ServingSizesSection } from "./menu/ServingSizesSection";
import { useMenu } from "./menu/useMenu";
import "./Menu.css";

/** The menu as stock sees it: the bar's serving sizes and recipes, what each POS item pours, and what modifiers do. */
export default function Menu() {
  const menu = useMenu();
  return (
    <Shell title="Menu">
      <Problem error={menu.error} />
      {menu.loading && <Loading />}
      <ServingSizesSection menu={menu} />
      <RecipesSection menu={menu} />
      <PosItemsSection menu={menu} />
      <ModifierRulesSection menu={menu} />
    </Shell>
  );
}
