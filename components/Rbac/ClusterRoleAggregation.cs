namespace PgPlatform.Components.Rbac;

/// <summary>
/// Does statically what the clusterrole-aggregation controller does in a running cluster: an aggregated ClusterRole's
/// rules become the union of the rules of every other ClusterRole its selectors match.
/// </summary>
internal static class ClusterRoleAggregation
{
    /// <summary>
    /// The ClusterRoles with their rules in force. The controller overwrites whatever rules an aggregated role's
    /// manifest lists, so those are dropped. Aggregated roles may select other aggregated roles (admin selects edit,
    /// which aggregates the aggregate-to-edit roles), so the union is iterated to its least fixed point.
    /// </summary>
    public static IReadOnlyDictionary<string, RbacRole> Apply(IReadOnlyDictionary<string, RbacRole> clusterRoles)
    {
        var result = new Dictionary<string, RbacRole>(StringComparer.Ordinal);
        foreach (var (name, role) in clusterRoles)
        {
            result[name] = role.AggregationSelectors is null ? role : role with { Rules = [] };
        }

        // The controller lists matching roles sorted by name; following it keeps rule order, and so reasons, stable.
        var byName = clusterRoles.Values.OrderBy(r => r.Name, StringComparer.Ordinal).ToList();
        var aggregated = byName.Where(r => r.AggregationSelectors is not null).ToList();

        // Each pass can only add rules (the union is monotone), so at most one pass per aggregated role plus one to confirm.
        for (var pass = 0; pass <= aggregated.Count; pass++)
        {
            var changed = false;
            foreach (var role in aggregated)
            {
                var rules = Collect(role, byName, result);
                if (rules.Count != result[role.Name].Rules.Count)
                {
                    result[role.Name] = result[role.Name] with { Rules = rules };
                    changed = true;
                }
            }

            if (!changed)
            {
                break;
            }
        }

        return result;
    }

    private static List<PolicyRule> Collect(RbacRole target, List<RbacRole> byName, Dictionary<string, RbacRole> current)
    {
        var rules = new List<PolicyRule>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var selector in target.AggregationSelectors!)
        {
            foreach (var source in byName)
            {
                if (source.Name == target.Name || !selector.Matches(source.Labels))
                {
                    continue;
                }

                foreach (var rule in current[source.Name].Rules)
                {
                    if (seen.Add(rule.Signature))
                    {
                        // Remember the role that wrote the rule so a reason can point at it, even through nested aggregation.
                        rules.Add(rule with { AggregatedFrom = rule.AggregatedFrom ?? source.Name });
                    }
                }
            }
        }

        return rules;
    }
}
