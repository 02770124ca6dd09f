import { mount } from 'svelte';
import '../../shared/ui/theme.css';
import Popup from './Popup.svelte';
import { getDb } from '../../shared/db/database.ts';
import { tellBackgroundOfDirectoryChanges } from '../followDirectory.ts';

tellBackgroundOfDirectoryChanges(getDb());

mount(Popup, { target: document.getElementById('popup')! });
