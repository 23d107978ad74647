/** Query and path parameters: defined with the other request schemas in geodata/requests.ts. */
export { historyQuery, idParam, plotsQuery } from '../../geodata/requests.ts';
