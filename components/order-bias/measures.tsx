/** One line per order-bias measure, and how the page's intervals are computed. */
export function OrderBiasMeasures() {
  return (
    <dl className="grid gap-x-6 gap-y-1 text-sm sm:grid-cols-[max-content_1fr]" data-testid="order-bias-measures">
      <dt className="font-medium">Accuracy per order</dt>
      <dd className="text-muted-foreground">
        Mean over questions of the question&apos;s reward, in the original option order and under each shuffle (seeds 1618 and 9331).
      </dd>
      <dt className="font-medium">Change (Δ)</dt>
      <dd className="text-muted-foreground">
        Shuffled − original accuracy, paired over the questions scored in both orders, in percentage points. The heatmap and ranking
        show it with a 95% normal-approximation interval of the paired mean difference; the per-configuration detail uses a 95%
        paired bootstrap interval (2,000 replicates).
      </dd>
      <dt className="font-medium">Sensitivity</dt>
      <dd className="text-muted-foreground">Mean |Δ| over every dataset and shuffle of a configuration (each dataset counts once).</dd>
      <dt className="font-medium">Flip rate</dt>
      <dd className="text-muted-foreground">
        Share of questions whose chosen option <em>text</em> differs between the original order and a shuffle (questions with an
        unrecognised answer in either order are left out).
      </dd>
      <dt className="font-medium">Any flip · Consistent</dt>
      <dd className="text-muted-foreground">
        Share of questions with two or more different answers over the orders · share answered with the same text in all orders.
      </dd>
      <dt className="font-medium">Position preference</dt>
      <dd className="text-muted-foreground">
        Per displayed letter: the rate it is chosen minus the rate it is correct, pooled over orders (from the parsed answer letters).
      </dd>
    </dl>
  );
}
