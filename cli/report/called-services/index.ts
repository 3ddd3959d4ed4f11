// The services a function calls moved to the floor (sdk/stack/called-services.ts), where the
// reachability model reads them. This path stays only while cli/report/diagram.ts, which another
// change is rewriting, still imports it here: delete it once diagram.ts imports the floor.
export * from "../../../sdk/stack/called-services";
