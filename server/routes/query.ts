/** Query and path parameters: defined with the other request schemas in geodata/requests.ts. */
export { bboxParam, historyQuery, idParam, plotsQuery, plotStatusesParam } from '../../geodata/requests.ts';
