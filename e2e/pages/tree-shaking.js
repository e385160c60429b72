// An app that uses one helper: the bundle should carry that helper and nothing else.
import { camelToSnake } from "civis";

console.log(camelToSnake("createdAt"));
