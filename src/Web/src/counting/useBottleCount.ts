import { useState } from "react";
import { countedQuantity, parseGrams, weightProblem } from "./openBottle";
import { openOf, useBottleWeights, type OpenMode } from "./OpenBottleInput";
import { parseCount } from "./variance";

/**
 * A count being typed: the full bottles and the open one (none, tenths or weight), with what they come to. Count mode
 * and a count session's line both read it, so a bottle is measured the same way wherever it is counted.
 */
export function useBottleCount(productId: string, initialWhole: string) {
  const [typed, setTyped] = useState(initialWhole);
  const [mode, setMode] = useState<OpenMode>("none");
  const [tenths, setTenths] = useState(0);
  const [grams, setGrams] = useState("");
  const weights = useBottleWeights(productId);
  const whole = parseCount(typed);
  const open = openOf(mode, tenths, grams);
  const openProblem = mode === "weight" ? weightProblem(parseGrams(grams), weights) : null;
  const counted = whole === null || openProblem ? null : countedQuantity(whole, open, weights);
  return {
    typed,
    setTyped,
    whole,
    open,
    openProblem,
    counted,
    /** The props of OpenBottleInput. */
    input: { mode, onMode: setMode, tenths, onTenths: setTenths, grams, onGrams: setGrams, weighable: weights !== null },
  };
}
