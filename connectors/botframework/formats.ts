/** The three Bot Framework file formats; each lives in its own folder (luis/, lu/, clu/). */
export {luisFormat} from './luis/format.js';
export {luFormat} from './lu/format.js';
export {cluFormat} from './clu/format.js';
