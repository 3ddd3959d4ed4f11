// The network graph moved to the floor (sdk/stack/network-graph.ts), where the reachability
// model and the policies read it too. This path stays only while cli/report/diagram.ts, which
// another change is rewriting, still imports it here: delete it once diagram.ts imports the floor.
export * from "../../../sdk/stack/network-graph";
